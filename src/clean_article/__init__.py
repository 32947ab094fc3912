"""clean-article: keep the article, drop the boilerplate, line by line.

    >>> from clean_article import clean
    >>> body = clean(page_text)

``clean(text, keep={"title", "body"})`` keeps other kinds too; ``extract`` gives the title, meta lines,
captions and body; ``classify`` gives every line's label and probabilities; ``clean_html``/``classify_html`` do the same
from HTML with the HTML model; ``clean_site``/``classify_site`` clean several pages of one site together,
dropping the lines that recur across them (the site's template); ``load_model`` loads a shipped model
or one you trained.
"""

from .api import (Article, LineResult, classify, classify_html, classify_site, clean, clean_html, clean_site,
                  default_model_path, extract, extract_html, load_model)
from .labels import LABELS
from .model import Model, ModelError

__all__ = ["clean", "classify", "extract", "clean_html", "classify_html", "extract_html", "clean_site",
           "classify_site", "load_model",
           "default_model_path", "LineResult", "Article", "Model", "ModelError", "LABELS", "__version__"]

__version__ = "0.1.0"
