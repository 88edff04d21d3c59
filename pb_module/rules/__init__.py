"""The rules that decide money and votes: plain Python, no Django or Wagtail import."""
