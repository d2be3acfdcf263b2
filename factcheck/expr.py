"""A small, safe expression language for the checks in YAML rules.

Rules are written by newsroom editors and may come from any folder, so their
expressions are data, never code: they are tokenized and parsed here (no
``eval``, ``exec``, ``compile`` or ``ast``), there is no attribute access, no
indexing, no comprehension, and only the functions the caller hands in can be
called. Every failure — syntax, unknown name, wrong type, a function that
raises — surfaces as :class:`ExprError`, so a bad rule yields one message with a
column instead of a traceback.

Rules run on every candidate match, so the intended use is: ``parse`` once when
the rule file is loaded (which also reports unknown slots and functions early
through :meth:`Expr.names` and :meth:`Expr.functions`), then ``evaluate`` many
times. Numbers become unitless point :class:`Amount` values so that literals and
figures go through the same interval arithmetic.

Grammar, loosest binding first::

    expr       := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := sum (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in") sum)*
    sum        := product (("+" | "-") product)*
    product    := unary (("*" | "/") unary)*
    unary      := "-" unary | primary
    primary    := NUMBER | STRING | "true" | "false" | "none" | NAME | NAME "(" args ")"
                | "[" args "]" | "(" expr ")"

Comparisons chain as in Python: ``0 < x <= 100`` means ``0 < x and x <= 100``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Collection, Mapping, Sequence, Union

from .figures import DURATION_CODES
from .intervals import Amount, Interval, UnitMismatch, max_, min_

__all__ = [
    "ExprError",
    "Expr",
    "Literal",
    "Name",
    "ListExpr",
    "Call",
    "Unary",
    "Binary",
    "BoolOp",
    "Compare",
    "parse",
    "evaluate",
    "guard",
    "BASE_FUNCTIONS",
    "Value",
]

#: What expressions compute with. Plain ints/floats from the environment or from
#: functions are turned into unitless point Amounts on the way in.
Value = Union[Amount, str, bool, None, list["Value"]]

#: Deep enough for any hand-written rule, shallow enough to stay far from
#: Python's recursion limit in the parser and the evaluator.
MAX_DEPTH = 100


class ExprError(ValueError):
    """A rule expression that cannot be parsed or evaluated.

    ``column`` (1-based, or None when no position applies) lets the rule loader
    point at the character at fault; ``message`` is the text without it.
    """

    def __init__(self, message: str, column: int | None = None) -> None:
        self.message = message
        self.column = column
        super().__init__(message if column is None else f"{message} at column {column}")


# -- tokens ------------------------------------------------------------------------

_KEYWORDS = {
    "and": "and",
    "or": "or",
    "not": "not",
    "in": "in",
    "true": True,
    "True": True,
    "false": False,
    "False": False,
    "none": None,
    "None": None,
    "null": None,
}
_TWO_CHAR = {"==", "!=", "<=", ">="}
_ONE_CHAR = set("+-*/<>()[],")


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "num" | "str" | "name" | "kw" | "op" | "end"
    text: str
    value: object
    column: int

    def describe(self) -> str:
        return "end of expression" if self.kind == "end" else repr(self.text)


def _digit(ch: str) -> bool:
    """ASCII only: str.isdigit() also accepts "²", which float() then rejects."""
    return "0" <= ch <= "9"


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        col = i + 1
        if ch.isspace():
            i += 1
            continue
        if _digit(ch):
            j = i
            while j < n and _digit(source[j]):
                j += 1
            if j + 1 < n and source[j] == "." and _digit(source[j + 1]):
                j += 1
                while j < n and _digit(source[j]):
                    j += 1
            if j < n and source[j] in "eE":
                k = j + 1
                if k < n and source[k] in "+-":
                    k += 1
                if k < n and _digit(source[k]):
                    while k < n and _digit(source[k]):
                        k += 1
                    j = k
            if j < n and (source[j].isalnum() or source[j] == "_"):
                raise ExprError(f"malformed number {source[i:j + 1]!r}", col)
            text = source[i:j]
            x = float(text)
            if math.isinf(x):
                raise ExprError(f"number {text!r} is too large", col)
            tokens.append(_Token("num", text, x, col))
            i = j
            continue
        if ch.isalpha() or ch == "_":
            j = i
            while j < n and (source[j].isalnum() or source[j] == "_"):
                j += 1
            word = source[i:j]
            if word.startswith("__"):
                raise ExprError(f"names starting with '__' are not allowed: {word!r}", col)
            if word in _KEYWORDS:
                tokens.append(_Token("kw", word, _KEYWORDS[word], col))
            else:
                tokens.append(_Token("name", word, word, col))
            i = j
            continue
        if ch in "\"'":
            j, chars = i + 1, []
            while j < n and source[j] != ch:
                if source[j] == "\\" and j + 1 < n:
                    j += 1
                    chars.append({"n": "\n", "t": "\t"}.get(source[j], source[j]))
                else:
                    chars.append(source[j])
                j += 1
            if j >= n:
                raise ExprError("unterminated string", col)
            tokens.append(_Token("str", source[i:j + 1], "".join(chars), col))
            i = j + 1
            continue
        two = source[i:i + 2]
        if two in _TWO_CHAR:
            tokens.append(_Token("op", two, two, col))
            i += 2
            continue
        if ch in _ONE_CHAR:
            tokens.append(_Token("op", ch, ch, col))
            i += 1
            continue
        if ch == ".":
            raise ExprError("attribute access is not allowed ('.')", col)
        if ch == "=":
            raise ExprError("unexpected '=' (use '==' to compare)", col)
        raise ExprError(f"unexpected {ch!r}", col)
    tokens.append(_Token("end", "", None, n + 1))
    return tokens


# -- AST ---------------------------------------------------------------------------


class Expr:
    """Base of the frozen AST nodes; ``column`` is excluded from equality.

    Nodes evaluate themselves (``_eval``) so that evaluation is one virtual
    call per node, with no dispatch table to look up.
    """

    __slots__ = ()
    column: int

    def children(self) -> tuple[Expr, ...]:
        return ()

    def names(self) -> frozenset[str]:
        """Slot names the expression reads, for checking a rule against its patterns."""
        return frozenset(n.id for n in self._walk() if isinstance(n, Name))

    def functions(self) -> frozenset[str]:
        """Functions the expression calls, for checking a rule against what the engine offers."""
        return frozenset(n.func for n in self._walk() if isinstance(n, Call))

    def _walk(self) -> list[Expr]:
        out: list[Expr] = []
        stack: list[Expr] = [self]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(node.children())
        return out

    def _eval(self, env: Mapping[str, object], fns: Mapping[str, Callable[..., object]]) -> Value:
        raise NotImplementedError


# Binding powers, shared by the parser and by __str__ so that printing and
# parsing agree on where parentheses are needed.
_BP_OR, _BP_AND, _BP_NOT, _BP_CMP, _BP_SUM, _BP_PRODUCT, _BP_UNARY, _BP_ATOM = 10, 20, 30, 40, 50, 60, 70, 80
_BINARY_BP = {"+": _BP_SUM, "-": _BP_SUM, "*": _BP_PRODUCT, "/": _BP_PRODUCT}
_CMP_OPS = frozenset({"==", "!=", "<", "<=", ">", ">=", "in", "not in"})


def _wrap(node: Expr, min_bp: int) -> str:
    text = str(node)
    return f"({text})" if _bp(node) < min_bp else text


def _bp(node: Expr) -> int:
    if isinstance(node, Binary):
        return _BINARY_BP[node.op]
    if isinstance(node, BoolOp):
        return _BP_OR if node.op == "or" else _BP_AND
    if isinstance(node, Compare):
        return _BP_CMP
    if isinstance(node, Unary):
        return _BP_NOT if node.op == "not" else _BP_UNARY
    if isinstance(node, Literal) and isinstance(node.value, Amount) and node.value.nominal < 0:
        return _BP_UNARY
    return _BP_ATOM


@dataclass(frozen=True, slots=True)
class Literal(Expr):
    value: Value
    column: int = field(default=0, compare=False)

    def _eval(self, env: Mapping[str, object], fns: Mapping[str, Callable[..., object]]) -> Value:
        return self.value

    def __str__(self) -> str:
        v = self.value
        if isinstance(v, Amount):
            text = repr(v.nominal)  # repr round-trips exactly through the tokenizer
            return text[:-2] if text.endswith(".0") else text
        if isinstance(v, str):
            return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return {True: "true", False: "false", None: "none"}[v]  # type: ignore[index]


@dataclass(frozen=True, slots=True)
class Name(Expr):
    id: str
    column: int = field(default=0, compare=False)

    def _eval(self, env: Mapping[str, object], fns: Mapping[str, Callable[..., object]]) -> Value:
        try:
            raw = env[self.id]
        except KeyError:
            raise ExprError(f"unknown name {self.id!r}", self.column) from None
        return _to_value(raw, f"slot {self.id!r}", self.column)

    def __str__(self) -> str:
        return self.id


@dataclass(frozen=True, slots=True)
class ListExpr(Expr):
    items: tuple[Expr, ...]
    column: int = field(default=0, compare=False)

    def children(self) -> tuple[Expr, ...]:
        return self.items

    def _eval(self, env: Mapping[str, object], fns: Mapping[str, Callable[..., object]]) -> Value:
        return [item._eval(env, fns) for item in self.items]

    def __str__(self) -> str:
        return "[" + ", ".join(str(i) for i in self.items) + "]"


@dataclass(frozen=True, slots=True)
class Call(Expr):
    func: str
    args: tuple[Expr, ...]
    column: int = field(default=0, compare=False)

    def children(self) -> tuple[Expr, ...]:
        return self.args

    def _eval(self, env: Mapping[str, object], fns: Mapping[str, Callable[..., object]]) -> Value:
        fn = fns.get(self.func)
        if fn is None:
            raise ExprError(f"unknown function {self.func!r}", self.column)
        args = [a._eval(env, fns) for a in self.args]
        try:
            result = fn(*args)
        except ExprError:
            # Functions may raise ExprError subclasses on purpose (e.g. "no rate
            # for that date") so that callers can tell unverifiable from wrong.
            raise
        except Exception as exc:  # noqa: BLE001 - the contract is "only ExprError escapes"
            raise ExprError(f"{self.func}(): {exc}", self.column) from exc
        return _to_value(result, f"{self.func}()", self.column)

    def __str__(self) -> str:
        return f"{self.func}(" + ", ".join(str(a) for a in self.args) + ")"


@dataclass(frozen=True, slots=True)
class Unary(Expr):
    op: str  # "-" | "not"
    operand: Expr
    column: int = field(default=0, compare=False)

    def children(self) -> tuple[Expr, ...]:
        return (self.operand,)

    def _eval(self, env: Mapping[str, object], fns: Mapping[str, Callable[..., object]]) -> Value:
        v = self.operand._eval(env, fns)
        if self.op == "not":
            return not _as_bool(v, "not", self.column)
        if not isinstance(v, Amount):
            raise ExprError(f"cannot negate {_type_name(v)}", self.column)
        return -v

    def __str__(self) -> str:
        if self.op == "not":
            return "not " + _wrap(self.operand, _BP_NOT)
        return "-" + _wrap(self.operand, _BP_UNARY + 1)


_ARITH: dict[str, Callable[[Amount, Amount], Amount]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}
_VERBS = {"+": "add", "-": "subtract", "*": "multiply", "/": "divide"}


@dataclass(frozen=True, slots=True)
class Binary(Expr):
    op: str  # "+" | "-" | "*" | "/"
    left: Expr
    right: Expr
    column: int = field(default=0, compare=False)

    def children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)

    def _eval(self, env: Mapping[str, object], fns: Mapping[str, Callable[..., object]]) -> Value:
        a = self.left._eval(env, fns)
        b = self.right._eval(env, fns)
        if not isinstance(a, Amount) or not isinstance(b, Amount):
            raise ExprError(f"cannot {_VERBS[self.op]} {_type_name(a)} and {_type_name(b)}", self.column)
        try:
            return _ARITH[self.op](a, b)
        except UnitMismatch as exc:
            raise ExprError(str(exc), self.column) from exc
        except ZeroDivisionError as exc:
            raise ExprError("division by zero", self.column) from exc

    def __str__(self) -> str:
        bp = _BINARY_BP[self.op]
        return f"{_wrap(self.left, bp)} {self.op} {_wrap(self.right, bp + 1)}"


@dataclass(frozen=True, slots=True)
class BoolOp(Expr):
    op: str  # "and" | "or"
    left: Expr
    right: Expr
    column: int = field(default=0, compare=False)

    def children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)

    def _eval(self, env: Mapping[str, object], fns: Mapping[str, Callable[..., object]]) -> Value:
        # Short-circuit, so that "len(s) >= 2 and ratio(s...)" style guards work.
        a = _as_bool(self.left._eval(env, fns), self.op, self.column)
        if self.op == "and" and not a:
            return False
        if self.op == "or" and a:
            return True
        return _as_bool(self.right._eval(env, fns), self.op, self.column)

    def __str__(self) -> str:
        bp = _BP_OR if self.op == "or" else _BP_AND
        return f"{_wrap(self.left, bp)} {self.op} {_wrap(self.right, bp + 1)}"


@dataclass(frozen=True, slots=True)
class Compare(Expr):
    left: Expr
    ops: tuple[str, ...]
    comparators: tuple[Expr, ...]
    column: int = field(default=0, compare=False)
    #: Where each operator stands, so a failing link of a chain is pointed at.
    op_columns: tuple[int, ...] = field(default=(), compare=False)

    def children(self) -> tuple[Expr, ...]:
        return (self.left, *self.comparators)

    def _eval(self, env: Mapping[str, object], fns: Mapping[str, Callable[..., object]]) -> Value:
        a = self.left._eval(env, fns)
        cols = self.op_columns or (self.column,) * len(self.ops)
        for op, node, col in zip(self.ops, self.comparators, cols):
            b = node._eval(env, fns)
            if not _compare(op, a, b, col):
                return False
            a = b
        return True

    def __str__(self) -> str:
        parts = [_wrap(self.left, _BP_CMP + 1)]
        for op, node in zip(self.ops, self.comparators):
            parts += [op, _wrap(node, _BP_CMP + 1)]
        return " ".join(parts)


# -- parser ------------------------------------------------------------------------


class _Parser:
    """Pratt parser: one loop for all binary operators, driven by binding powers."""

    def __init__(self, source: str, functions: Collection[str] | None) -> None:
        self.tokens = _tokenize(source)
        self.pos = 0
        self.functions = functions
        self.depth = 0

    def peek(self) -> _Token:
        return self.tokens[self.pos]

    def advance(self) -> _Token:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expect(self, text: str) -> _Token:
        tok = self.peek()
        if tok.kind != "op" or tok.text != text:
            raise ExprError(f"expected {text!r}, found {tok.describe()}", tok.column)
        return self.advance()

    def unexpected(self, tok: _Token) -> ExprError:
        return ExprError(f"unexpected {tok.describe()}", tok.column)

    def parse(self) -> Expr:
        if self.peek().kind == "end":
            raise ExprError("empty expression", 1)
        node = self.expression(0)
        tok = self.peek()
        if tok.kind != "end":
            raise self._postfix_error(tok) or self.unexpected(tok)
        return node

    def _postfix_error(self, tok: _Token) -> ExprError | None:
        """Name the forbidden construct rather than just the token that revealed it."""
        if tok.kind == "op" and tok.text == "[":
            return ExprError("indexing is not allowed", tok.column)
        if tok.kind == "op" and tok.text == "(":
            return ExprError("only named functions can be called", tok.column)
        if tok.kind == "name" and tok.text in ("for", "if", "lambda"):
            return ExprError(f"{tok.text!r} expressions are not allowed", tok.column)
        return None

    def expression(self, min_bp: int) -> Expr:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError("expression is nested too deeply", self.peek().column)
        try:
            left = self.prefix(min_bp)
            while True:
                tok = self.peek()
                op = self._infix_op()
                if op is None:
                    err = self._postfix_error(tok)
                    if err is not None:
                        raise err
                    return left
                if op in _CMP_OPS:
                    if _BP_CMP <= min_bp:
                        return left
                    left = self.comparison(left)
                    continue
                bp = _BP_OR if op == "or" else _BP_AND if op == "and" else _BINARY_BP[op]
                if bp <= min_bp:
                    return left
                self.advance()
                right = self.expression(bp)
                if op in ("and", "or"):
                    left = BoolOp(op, left, right, tok.column)
                else:
                    left = Binary(op, left, right, tok.column)
        finally:
            self.depth -= 1

    def _infix_op(self) -> str | None:
        tok = self.peek()
        if tok.kind == "op" and tok.text in ("+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">="):
            return tok.text
        if tok.kind == "kw" and tok.text in ("and", "or", "in"):
            return tok.text
        if tok.kind == "kw" and tok.text == "not":
            nxt = self.tokens[self.pos + 1]
            if nxt.kind == "kw" and nxt.text == "in":
                return "not in"
        return None

    def comparison(self, left: Expr) -> Expr:
        ops: list[str] = []
        comparators: list[Expr] = []
        columns: list[int] = []
        while (op := self._infix_op()) in _CMP_OPS:
            columns.append(self.advance().column)
            if op == "not in":
                self.advance()
            ops.append(op)  # type: ignore[arg-type]
            comparators.append(self.expression(_BP_CMP))
        return Compare(left, tuple(ops), tuple(comparators), columns[0], tuple(columns))

    def prefix(self, min_bp: int) -> Expr:
        tok = self.advance()
        if tok.kind == "num":
            x = float(tok.value)  # type: ignore[arg-type]
            return Literal(Amount(Interval(x, x), x, None), tok.column)
        if tok.kind == "str":
            return Literal(tok.value, tok.column)  # type: ignore[arg-type]
        if tok.kind == "kw":
            if tok.text == "not":
                if min_bp > _BP_NOT:
                    raise ExprError("'not' needs parentheses here", tok.column)
                return Unary("not", self.expression(_BP_NOT), tok.column)
            if tok.text in ("and", "or", "in"):
                raise self.unexpected(tok)
            return Literal(tok.value, tok.column)  # type: ignore[arg-type]
        if tok.kind == "name":
            if self.peek().kind == "op" and self.peek().text == "(":
                return self.call(tok)
            return Name(tok.text, tok.column)
        if tok.kind == "op":
            if tok.text == "-":
                operand = self.expression(_BP_UNARY)
                if isinstance(operand, Literal) and isinstance(operand.value, Amount):
                    return Literal(-operand.value, tok.column)  # fold "-1" into a constant
                return Unary("-", operand, tok.column)
            if tok.text == "(":
                inner = self.expression(0)
                self.expect(")")
                return inner
            if tok.text == "[":
                return ListExpr(tuple(self.arguments("]")), tok.column)
        raise self.unexpected(tok)

    def call(self, name: _Token) -> Expr:
        if self.functions is not None and name.text not in self.functions:
            raise ExprError(f"unknown function {name.text!r}", name.column)
        self.expect("(")
        return Call(name.text, tuple(self.arguments(")")), name.column)

    def arguments(self, closer: str) -> list[Expr]:
        """Comma-separated expressions up to ``closer``; a trailing comma is tolerated."""
        items: list[Expr] = []
        while True:
            tok = self.peek()
            if tok.kind == "op" and tok.text == closer:
                self.advance()
                return items
            items.append(self.expression(0))
            tok = self.peek()
            if tok.kind == "op" and tok.text == ",":
                self.advance()
                continue
            if tok.kind == "op" and tok.text == closer:
                continue
            raise self._postfix_error(tok) or ExprError(
                f"expected ',' or {closer!r}, found {tok.describe()}", tok.column
            )


def parse(source: str, functions: Collection[str] | None = None) -> Expr:
    """Parse a rule expression; with ``functions``, calls to anything else are refused now.

    Refusing at parse time means a rule file with a typo in a function name
    fails when it is loaded, not on the first article that happens to match.
    """
    if not isinstance(source, str):
        raise ExprError(f"an expression must be text, not {type(source).__name__}")
    node = _Parser(source, functions).parse()
    # Left-associative chains ("a + b + c + ...") grow the tree without nesting
    # the parser, so bound the tree too: evaluation recurses along it.
    stack: list[tuple[Expr, int]] = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExprError("expression is nested too deeply", current.column)
        stack.extend((child, depth + 1) for child in current.children())
    return node


def guard(e: Expr, unknown: frozenset[str], impure: frozenset[str] = frozenset()) -> Expr | None:
    """The part of a condition that can be settled before the names in ``unknown``
    are bound: the conjuncts of its top-level ``and`` chain that read none of them
    and call none of the ``impure`` functions (those whose calls show elsewhere, such
    as a rate table loaded); None when there is no such part.

    The condition can hold only where the guard holds: an ``and`` chain is true only
    when each conjunct evaluates to true, and a conjunct that reads none of the names
    to bind evaluates alike (the other functions are pure) whatever they are bound
    to. So a guard found false settles the condition for every binding at once: a
    pick among the document's figures ("value(h) >= 100000" of the headline) or the
    picks a rule's ``where`` comes after ("unit(a) != unit(b)") need not be tried.
    """
    parts: list[Expr] = []
    stack = [e]
    while stack:
        node = stack.pop()
        if isinstance(node, BoolOp) and node.op == "and":
            stack += [node.right, node.left]
        elif not (node.names() & unknown) and not (node.functions() & impure):
            parts.append(node)
    if not parts:
        return None
    out = parts[0]
    for part in parts[1:]:
        out = BoolOp("and", out, part)
    return out


# -- evaluation --------------------------------------------------------------------


def evaluate(
    expr: Expr,
    env: Mapping[str, object],
    functions: Mapping[str, Callable[..., object]],
) -> Value:
    """Evaluate a parsed expression against slot values and a function table.

    The function table is explicit (pass ``{**BASE_FUNCTIONS, "fx": ...}``)
    because what a rule may call depends on what the caller knows, e.g.
    the exchange rates of the article's date.
    """
    try:
        return expr._eval(env, functions)
    except ExprError:
        raise
    except RecursionError as exc:  # only for hand-built trees deeper than parse() allows
        raise ExprError("expression is nested too deeply") from exc
    except Exception as exc:  # noqa: BLE001 - safety net for the "only ExprError escapes" contract
        raise ExprError(f"cannot evaluate: {exc}") from exc


def _to_value(raw: object, what: str, column: int) -> Value:
    """Normalise host values so the evaluator sees only the types of the language."""
    if raw is None or isinstance(raw, (Amount, str, bool)):
        return raw  # type: ignore[return-value]
    if isinstance(raw, (int, float)):
        x = float(raw)
        if math.isnan(x):
            raise ExprError(f"{what} is not a number (NaN)", column)
        return Amount(Interval(x, x), x, None)
    if isinstance(raw, (list, tuple)):
        return [_to_value(item, what, column) for item in raw]
    raise ExprError(f"{what} holds an unsupported value of type {type(raw).__name__}", column)


def _type_name(v: object) -> str:
    if isinstance(v, Amount):
        return f"an amount in {v.unit}" if v.unit else "a number"
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, str):
        return "text"
    if isinstance(v, list):
        return "a list"
    if v is None:
        return "none"
    return type(v).__name__


def _as_bool(v: Value, op: str, column: int) -> bool:
    if not isinstance(v, bool):
        raise ExprError(f"'{op}' needs true or false, got {_type_name(v)}", column)
    return v


def _equal(a: Value, b: Value) -> bool:
    """Equality as an editor means it: amounts by value, different units never equal."""
    if isinstance(a, Amount) and isinstance(b, Amount):
        if a.unit is not None and b.unit is not None and a.unit != b.unit:
            return False
        return a.nominal == b.nominal
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    if type(a) is not type(b):
        return False
    return a == b


def _compare(op: str, a: Value, b: Value, column: int) -> bool:
    if op == "==":
        return _equal(a, b)
    if op == "!=":
        return not _equal(a, b)
    if op in ("in", "not in"):
        if isinstance(b, list):
            found = any(_equal(a, item) for item in b)
        elif isinstance(b, str) and isinstance(a, str):
            found = a in b
        else:
            raise ExprError(f"cannot look for {_type_name(a)} in {_type_name(b)}", column)
        return found if op == "in" else not found
    if isinstance(a, Amount) and isinstance(b, Amount):
        if a.unit is not None and b.unit is not None and a.unit != b.unit:
            raise ExprError(
                f"cannot compare {a.unit!r} with {b.unit!r} (convert one side first)", column
            )
        x, y = a.nominal, b.nominal
    elif isinstance(a, str) and isinstance(b, str):
        x, y = a, b  # type: ignore[assignment]
    else:
        raise ExprError(f"cannot compare {_type_name(a)} with {_type_name(b)}", column)
    if op == "<":
        return x < y
    if op == "<=":
        return x <= y
    if op == ">":
        return x > y
    return x >= y


# -- base functions ----------------------------------------------------------------
# They receive language values (Amount, str, bool, None, list) and raise
# TypeError/ValueError with an editor-readable message; Call wraps these
# into ExprError with the function name and column.


def _amount(v: object) -> Amount:
    if not isinstance(v, Amount):
        raise TypeError(f"expected a number or an amount, got {_type_name(v)}")
    return v


def _amounts(args: Sequence[object]) -> list[Amount]:
    """Accept both f(list) and f(a, b, ...): editors write either."""
    items = args[0] if len(args) == 1 and isinstance(args[0], list) else list(args)
    return [_amount(v) for v in items]


def _check_units(items: Sequence[Amount]) -> str | None:
    units = {a.unit for a in items}
    if len(units) > 1:
        shown = ", ".join(sorted(repr(u) if u else "none" for u in units))
        raise UnitMismatch(f"values have different units: {shown}")
    return items[0].unit if items else None


def rescale(a: Amount, unit: str | None) -> Amount | None:
    """``a`` in ``unit`` when pint converts one into the other (750 megawatt → 0.75
    gigawatt, 500 kilogram → 0.5 metric_ton); None when they are not of one kind
    (gigawatt and gigawatt_hour, euros and dollars) or either is no physical unit."""
    if not isinstance(a.unit, str) or not isinstance(unit, str):
        return None
    f = _unit_factor(a.unit, unit)
    return None if f is None else Amount(a.interval * Interval.point(f), a.nominal * f, unit)


@lru_cache(maxsize=None)
def _unit_factor(src: str, dst: str) -> float | None:
    """One ``src`` in ``dst``, from pint's definitions (its registry loads on the first
    mixed sum, not at start-up). Durations are left alone: a year is no twelve months
    of a per-month figure, and currencies, percent and points are no pint units."""
    if src in DURATION_CODES or dst in DURATION_CODES:
        return None
    try:
        return float(_units().Quantity(1.0, src).to(dst).magnitude)
    except (AttributeError, TypeError, ValueError):  # pint's undefined-unit and dimensionality errors among them
        return None


@lru_cache(maxsize=1)
def _units() -> Any:
    import pint  # noqa: PLC0415 - a fifth of a second to load, needed by few articles

    return pint.UnitRegistry()


def _fn_in_unit(a: object, unit: object) -> Amount:
    """``in_unit(parts, unit(total))``: the value in that unit when the two differ only
    by their scale (900 MW → 0.9 GW); otherwise the value unchanged, so that a
    rule's ``unit(...) ==`` test still tells the two kinds apart."""
    x = _amount(a)
    if unit is not None and not isinstance(unit, str):
        raise ExprError("in_unit() needs a unit name, e.g. in_unit(x, unit(y))")
    return x if x.unit == unit else rescale(x, unit) or x


def _fn_sum(*args: object) -> Amount:
    """The total of the values; quantities that pint converts into one another
    are added in the unit of the first (1 GW + 750 MW = 1.75 GW)."""
    items = _amounts(args)
    if not items:
        return Amount.point(0.0)
    total = items[0]
    for a in items[1:]:
        if a.unit != total.unit:
            a = rescale(a, total.unit) or a  # still mismatched: the addition says so
        total = total + a
    return total


def _extreme(args: Sequence[object], pick: Callable[[Interval, Interval], Interval],
             nominal: Callable[[float, float], float]) -> Amount:
    items = _amounts(args)
    if not items:
        raise ValueError("needs at least one value")
    items = [a if a.unit == items[0].unit else rescale(a, items[0].unit) or a for a in items]
    unit = _check_units(items)
    out = items[0]
    for a in items[1:]:
        out = Amount(pick(out.interval, a.interval), nominal(out.nominal, a.nominal), unit)
    return out


def _fn_min(*args: object) -> Amount:
    return _extreme(args, min_, min)


def _fn_max(*args: object) -> Amount:
    return _extreme(args, max_, max)


def _fn_nth_largest(v: object, n: object) -> Amount:
    """``nth_largest(rivals, 2)``: the n-th largest figure of a collection (1 the largest),
    its interval that of the n-th largest of each end: a claimed second place holds when the
    one ranked is at least the second largest of the others told."""
    if not isinstance(v, list):
        raise TypeError(f"expected a list, got {_type_name(v)}")
    items = _amounts([v])
    k = int(_amount(n).nominal)
    if k < 1 or k > len(items):
        raise ValueError(f"needs at least {k} values")
    items = [a if a.unit == items[0].unit else rescale(a, items[0].unit) or a for a in items]
    unit = _check_units(items)
    lo = sorted(items, key=lambda a: a.interval.low, reverse=True)[k - 1].interval
    hi = sorted(items, key=lambda a: a.interval.high, reverse=True)[k - 1].interval
    nominal = sorted((a.nominal for a in items), reverse=True)[k - 1]
    return Amount(Interval(lo.low, hi.high, lo.low_open, hi.high_open), nominal, unit)


def _fn_abs(a: object) -> Amount:
    return abs(_amount(a))


def _fn_len(v: object) -> Amount:
    if not isinstance(v, list):
        raise TypeError(f"expected a list, got {_type_name(v)}")
    return Amount.point(float(len(v)))


def _fn_first(v: object) -> Amount:
    """The first figure of a collection, in text order: the one most often gathered from
    another sentence than the rest of a list ("Veltrazin brought $1.21bn. By region, the US
    contributed $2.26bn, Europe $790m and the rest $430m")."""
    return _end_of(v, 0)


def _fn_last(v: object) -> Amount:
    return _end_of(v, -1)


def _end_of(v: object, k: int) -> Amount:
    if not isinstance(v, list):
        raise TypeError(f"expected a list, got {_type_name(v)}")
    if not v:
        raise ValueError("an empty list has no first or last figure")
    return _amount(v[k])


def _fn_value(a: object) -> Amount:
    return Amount.point(_amount(a).nominal)


def _fn_unit(a: object) -> str | None:
    return _amount(a).unit


def _fn_low(a: object) -> Amount:
    return Amount.point(_amount(a).interval.low)


def _fn_high(a: object) -> Amount:
    return Amount.point(_amount(a).interval.high)


_ISO_CODE = re.compile(r"[A-Z]{3}")


def _fn_kind(a: object) -> str:
    """What a value's unit makes it: "money" (an ISO 4217 code), "percent", "points",
    "factor" ("x"), "rate" ("EUR/metric_ton"), "duration" (years, months, weeks, days,
    hours), "quantity" (any other pint unit) or "number" (no unit). A rule that lets a
    headline drop its currency (``unit(t) == none``) then still keeps a count of containers
    from meeting tonnes of fuel, and one that stays silent when a sentence holds a count
    of its own is not silenced by an age ("menores de 18 años")."""
    unit = _amount(a).unit
    if unit is None:
        return "number"
    if "/" in unit:
        return "rate"
    if _ISO_CODE.fullmatch(unit):
        return "money"
    if unit in DURATION_CODES:
        return "duration"
    return {"%": "percent", "pp": "points", "x": "factor"}.get(unit, "quantity")


def _fn_same_unit(a: object, b: object) -> bool:
    return _amount(a).unit == _amount(b).unit


def _fn_ratio(a: object, b: object) -> Amount:
    """Larger over smaller magnitude: "within a factor of 3" without caring about order.

    Units are ignored on purpose, so that a rule can spot a scale slip between
    the two sides of a conversion pair (yuan vs euros differ by ~8, not 1000).
    """
    x, y = abs(_amount(a).nominal), abs(_amount(b).nominal)
    lo, hi = min(x, y), max(x, y)
    if hi == 0:
        return Amount.point(1.0)
    return Amount.point(math.inf if lo == 0 else hi / lo)


def _fn_round(a: object, ndigits: object = None) -> Amount:
    x = _amount(a)
    n = 0
    if ndigits is not None:
        d = _amount(ndigits).nominal
        if d != int(d):
            raise ValueError(f"ndigits must be a whole number, got {d:g}")
        n = int(d)
    iv = x.interval
    # Rounding is monotone, so rounding both ends keeps every rounded member;
    # ends become closed because an open end may round onto an attained value.
    return Amount(Interval(round(iv.low, n), round(iv.high, n)), float(round(x.nominal, n)), x.unit)


def _fn_pct(a: object) -> Amount:
    """A percentage as a plain fraction: "62 %" → 0.62, for growth and share formulas."""
    x = _amount(a)
    if x.unit not in ("%", None):
        raise TypeError(f"expected a percentage, got an amount in {x.unit}")
    return x.with_unit(None) / 100


def _fn_bare(a: object) -> Amount:
    """Drop the unit but keep the range, for formulas that mix units on purpose."""
    return _amount(a).with_unit(None)


def _fn_bounded(a: object) -> bool:
    """Whether a figure's range is closed on both sides. "ruim 30,5 miljoen" (more than
    30.5m) reaches to infinity and so meets almost any value: a guard that stays silent
    when some other amount could explain a figure asks this first, or one hedged amount
    anywhere before silences it."""
    iv = _amount(a).interval
    return iv.low != -math.inf and iv.high != math.inf


def _fn_meets(a: object, b: object) -> bool:
    """Whether two ranges can be the same value: the "consistent" test inside a rule."""
    x, y = _amount(a), _amount(b)
    if x.unit is not None and y.unit is not None and x.unit != y.unit:
        raise UnitMismatch(f"cannot compare {x.unit!r} with {y.unit!r}")
    return x.interval.intersects(y.interval)


BASE_FUNCTIONS: dict[str, Callable[..., object]] = {
    "sum": _fn_sum,
    "min": _fn_min,
    "max": _fn_max,
    "nth_largest": _fn_nth_largest,
    "abs": _fn_abs,
    "len": _fn_len,
    "first": _fn_first,
    "last": _fn_last,
    "value": _fn_value,
    "unit": _fn_unit,
    "low": _fn_low,
    "high": _fn_high,
    "same_unit": _fn_same_unit,
    "kind": _fn_kind,
    "ratio": _fn_ratio,
    "round": _fn_round,
    "pct": _fn_pct,
    "bare": _fn_bare,
    "in_unit": _fn_in_unit,
    "meets": _fn_meets,
    "bounded": _fn_bounded,
}
