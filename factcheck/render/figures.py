"""The table printed by ``factcheck figures``: every figure with its reading."""
from __future__ import annotations

import io
import math
import shutil

from rich import box
from rich.console import Console
from rich.table import Table

from .. import display
from ..model import Document, Figure
from . import want_color


def _num(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    return display.number(x, 6)


def figures_table(doc: Document, figures: tuple[Figure, ...], *, width: int | None = None, color: bool | None = None) -> str:
    color = want_color(color)
    buf = io.StringIO()
    if width is None:  # as the report: the terminal's width, COLUMNS when set, else 80
        width = shutil.get_terminal_size(fallback=(80, 24)).columns
    console = Console(file=buf, width=max(40, int(width)), force_terminal=color, no_color=not color, highlight=False,
                      color_system="standard" if color else None)
    # rules under the header only: eight columns of borders would leave the figure's own
    # words a dozen characters at 80 columns
    table = Table(title=f"{doc.source}: {len(figures)} figures", title_justify="left", expand=False,
                  box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), collapse_padding=True)
    for col, justify in (("id", "right"), ("text", "left"), ("kind", "left"), ("value", "right"),
                         ("interval", "left"), ("unit", "left"), ("hedge", "left"), ("lang", "left")):
        table.add_column(col, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for f in figures:
        lo = "(" if f.low_open or math.isinf(f.low) else "["
        hi = ")" if f.high_open or math.isinf(f.high) else "]"
        table.add_row(f.id, f.text, f.kind, _num(f.value), f"{lo}{_num(f.low)}, {_num(f.high)}{hi}", f.unit or "",
                      f.hedge or "", f.language)
    console.print(table)
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines()) + "\n"
