"""Bar charts drawn on the server as SVG; the same numbers are always given in a table beside them."""

from django import template

register = template.Library()

# Whole SVG units only: a template would write a float with a decimal comma in kk and ru.
ROW = 30  # height of one bar's row
LABEL_WIDTH = 200
BAR_WIDTH = 340
WIDTH = LABEL_WIDTH + BAR_WIDTH + 100


@register.inclusion_tag("pb_module/includes/bar_chart.html")
def bar_chart(rows, value="count"):
    """Horizontal bars for `rows` (dicts with "label" and a number under `value`), scaled to the largest."""
    top = max((row[value] for row in rows), default=0) or 1
    bars = [
        {
            "label": row["label"],
            "value": row[value],
            "y": n * ROW,
            "text_y": n * ROW + 20,
            "width": round(BAR_WIDTH * row[value] / top),
            "value_x": LABEL_WIDTH + round(BAR_WIDTH * row[value] / top) + 6,
        }
        for n, row in enumerate(rows)
    ]
    return {
        "bars": bars,
        "height": max(len(bars), 1) * ROW,
        "width": WIDTH,
        "label_width": LABEL_WIDTH,
        "bar_height": ROW - 8,
        "label_x": LABEL_WIDTH - 8,
    }
