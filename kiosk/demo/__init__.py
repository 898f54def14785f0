"""The demo world (an in-process sandbox and a kiosk configured against it) and its printable tickets."""
