"""kiosk/scan"""
