"""Bar charts drawn on the server as SVG; the same numbers are always given in a table beside them.

Each bar has its label above it, whole, wrapped over as many lines as it needs (never cut short), so the chart
is as narrow as a phone: the SVG scales to the width of its box (viewBox, width 100 %, see `.chart` in site.css).
"""

import textwrap

from django import template

register = template.Library()

# Whole SVG units only: a template would write a float with a decimal comma in kk and ru.
WIDTH = 360  # of the viewBox; drawn at the width of the page's column, at most 30rem (site.css)
LINE = 18  # height of one line of a label (font-size 14 units, .chart in site.css)
LABEL_CHARS = 38  # characters on one line of a label before it wraps (a Cyrillic letter is about 8.5 units wide)
BAR_HEIGHT = 18
VALUE_SPACE = 72  # room right of the longest bar for its value
BAR_WIDTH = WIDTH - VALUE_SPACE
GAP = 12  # between one bar and the next label


def label_lines(label, width=LABEL_CHARS) -> list[str]:
    """`label` as lines of at most `width` characters, broken between words (inside a word only when it is longer)."""
    return textwrap.wrap(" ".join(str(label).split()), width, break_on_hyphens=False) or [""]


@register.inclusion_tag("pb_module/includes/bar_chart.html")
def bar_chart(rows, value="count"):
    """Horizontal bars for `rows` (dicts with "label" and a number under `value`), scaled to the largest."""
    top = max((row[value] for row in rows), default=0) or 1
    bars, y = [], 0
    for row in rows:
        lines = [{"text": text, "y": y + LINE * (n + 1) - 4} for n, text in enumerate(label_lines(row["label"]))]
        bar_y = y + LINE * len(lines) + 2
        width = round(BAR_WIDTH * row[value] / top)
        bars.append(
            {
                "lines": lines,
                "value": row[value],
                "y": bar_y,
                "width": width,
                "value_x": width + 6,
                "value_y": bar_y + BAR_HEIGHT - 4,
            }
        )
        y = bar_y + BAR_HEIGHT + GAP
    return {"bars": bars, "height": max(y - GAP, LINE), "width": WIDTH, "bar_height": BAR_HEIGHT}
