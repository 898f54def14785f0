"""Librarian mode: categories, search, the offer card and its QR code."""
