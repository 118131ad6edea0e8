"""The PySide6 window. Qt is imported only in this package."""
