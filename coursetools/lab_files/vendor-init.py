"""edifact_tokenizer 0.9.2."""

from .tokenizer import segments

__all__ = ["segments"]
