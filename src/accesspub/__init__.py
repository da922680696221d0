"""accesspub: barrier-free press releases, every rendition checked."""

__version__ = "0.1.0"
