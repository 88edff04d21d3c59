"""The analytics charts fit a phone: they scale to the width, and every label is shown whole (issue 14)."""

import re

from django.template import Context, Template
from django.utils import translation

from pb_module.templatetags.pb_charts import LABEL_CHARS, WIDTH, label_lines

LONG = "с помощью оператора в общественном центре"


def render(rows):
    with translation.override("ru"):
        return Template("{% load pb_charts %}{% bar_chart rows %}").render(Context({"rows": rows}))


def test_a_long_label_is_wrapped_whole_never_cut():
    svg = render([{"label": "онлайн", "count": 788}, {"label": LONG, "count": 144}])
    assert "…" not in svg and "..." not in svg
    groups = re.findall(r"<g>(.*?)</g>", svg, re.S)
    shown = [" ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", group)) for group in groups]
    assert shown == ["онлайн", LONG]
    assert len(re.findall(r"<tspan", groups[1])) == 2  # the long one over two lines
    assert all(len(line) <= LABEL_CHARS for line in label_lines(LONG))


def test_the_chart_scales_to_its_box():
    svg = render([{"label": LONG, "count": 1}])
    opening = re.search(r"<svg[^>]*>", svg).group(0)
    assert f'viewBox="0 0 {WIDTH} ' in opening
    assert " width=" not in opening and " height=" not in opening  # the width comes from the page (site.css)
    # Every coordinate is a whole number (no decimal comma in kk and ru) and stays inside the viewBox.
    for x in re.findall(r'\b(?:x|width)="([^"]*)"', svg):
        assert x.isdigit() and int(x) <= WIDTH


def test_a_word_longer_than_a_line_is_broken_not_dropped():
    word = "ы" * (LABEL_CHARS + 5)
    assert "".join(label_lines(word)) == word
