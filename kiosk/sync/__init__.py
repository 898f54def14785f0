"""kiosk/sync"""
