"""The counter screen: verdict band, booking card, manual entry, today, status and staff bars."""
