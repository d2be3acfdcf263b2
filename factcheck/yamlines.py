"""YAML with line numbers, so that a malformed rule names its file, line and field.

PyYAML's composer keeps a start mark on every node; we build plain dicts and
lists from the nodes and remember where each key and item was written.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import InputError


class LDict(dict):  # type: ignore[type-arg]
    """A mapping that knows the line of each of its keys."""

    line: int = 1
    lines: dict[Any, int]


class LList(list):  # type: ignore[type-arg]
    """A sequence that knows the line of each of its items."""

    line: int = 1
    lines: list[int]


# libyaml's parser when PyYAML was built with it (the wheels are): the rules and
# lexicons are some 40,000 lines read at every start, and the pure-Python scanner made
# that most of a short run's time. Its nodes carry the same marks.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _build(node: yaml.Node, loader: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LDict()
        out.line = node.start_mark.line + 1
        out.lines = {}
        for key_node, value_node in node.value:
            key = _build(key_node, loader)
            if isinstance(key, (dict, list)):
                raise InputError(f"{loader.name}:{key_node.start_mark.line + 1}: a key must be plain text")
            if key in out:  # YAML would keep the last one silently: a merge or a slip, never meant
                raise InputError(f"{loader.name}:{key_node.start_mark.line + 1}: '{key}' is given twice "
                                 f"(first on line {out.lines[key]})")
            out[key] = _build(value_node, loader)
            out.lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LList(_build(n, loader) for n in node.value)
        seq.line = node.start_mark.line + 1
        seq.lines = [n.start_mark.line + 1 for n in node.value]
        return seq
    return loader.construct_object(node, deep=True)


def load(path: Path, text: str | None = None) -> Any:
    """Parse a YAML file into LDict/LList trees; one-line InputError on bad YAML."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as e:
            raise InputError(f"{path}: cannot read: {e.strerror}") from None
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None
    try:
        return _parse(path, text, _Loader)
    except yaml.YAMLError:
        if _Loader is yaml.SafeLoader:
            raise
    # a broken file: read again by the pure-Python parser, whose messages say more
    # ("found character '\t' that cannot start any token")
    return _parse(path, text, yaml.SafeLoader)


def _parse(path: Path, text: str, loader_class: Any) -> Any:
    loader = loader_class(text)
    loader.name = str(path)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _build(node, loader)
    except yaml.MarkedYAMLError as e:
        if loader_class is not yaml.SafeLoader:
            raise
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        raise InputError(f"{path}:{line}: invalid YAML: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        if loader_class is not yaml.SafeLoader:
            raise
        raise InputError(f"{path}: invalid YAML: {e}") from None
    finally:
        loader.dispose()
