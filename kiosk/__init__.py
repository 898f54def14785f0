"""Counter kiosk for pass Culture bookings."""

__version__ = "0.1.0"
