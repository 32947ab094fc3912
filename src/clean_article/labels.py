"""The nine line labels of LABELS.md, in a fixed order shared by model files and data."""

__all__ = ["LABELS", "BODY"]

BODY = "body"
LABELS = ("body", "title", "meta", "caption", "nav", "related", "ad", "paywall", "other")
