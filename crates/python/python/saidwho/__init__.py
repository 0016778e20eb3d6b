"""saidwho: who is quoted in a news article, what they said, and which people,
organisations, places and dates it names.

The same Rust core as the saidwho page and command line, with its models
inside the package (no files, no downloads, nothing leaves the machine)::

    import saidwho
    result = saidwho.analyze("“We will rebuild,” said Mayor Keiko Tanaka.")
    result["quotes"][0]["speaker"]          # 'Keiko Tanaka'

    analyzer = saidwho.Analyzer()           # models loaded once, reusable
    results = analyzer.analyze_many(texts)  # threads, with the GIL released

Offsets are Unicode code points (Python ``str`` indices); a quote interrupted
by its attribution has ``"span": [[s, e], [s, e]]``.
"""
import json

from . import _saidwho

__all__ = ["Analyzer", "analyze", "predict", "MODELS", "__version__"]

__version__ = _saidwho.__version__
#: The models inside this build, by versioned name.
MODELS = list(_saidwho.MODELS)


class Analyzer:
    """A reusable analyser with its models loaded (loading takes a few
    milliseconds; reuse one for many texts). Safe to share between threads."""

    def __init__(self):
        self._inner = _saidwho.Analyzer()

    def analyze(self, text):
        """The analysis of ``text`` as a dict: quotes, speakers, entities,
        names, paragraphs and sentences, spans in code points (the JSON of
        ``saidwho analyze --json``)."""
        return json.loads(self._inner.analyze_json(_text(text)))

    def predict(self, id, text, with_rules=False):
        """The prediction record of document ``id`` as ``saidwho predict``
        writes it (the evaluation format, with the saidwho and model
        versions); ``with_rules`` adds each quote's ``found_by``."""
        return json.loads(self._inner.predict_json(str(id), _text(text), with_rules))

    def analyze_many(self, texts, threads=None):
        """The analyses of ``texts``, in order, on ``threads`` threads (default:
        every core) with the GIL released."""
        return self._inner.analyze_many([_text(t) for t in texts], threads or 0)


_default = None


def _analyzer():
    global _default
    if _default is None:
        _default = Analyzer()
    return _default


def analyze(text):
    """The analysis of ``text`` (see :meth:`Analyzer.analyze`), with a shared
    analyser."""
    return _analyzer().analyze(text)


def predict(id, text, with_rules=False):
    """The prediction record of one document (see :meth:`Analyzer.predict`)."""
    return _analyzer().predict(id, text, with_rules)


def _text(text):
    if isinstance(text, bytes):
        try:
            return text.decode("utf-8")
        except UnicodeDecodeError as e:
            raise ValueError("the text is not valid UTF-8 (byte %d)" % e.start) from None
    if not isinstance(text, str):
        raise TypeError("text must be str (or UTF-8 bytes), not %s" % type(text).__name__)
    return text
