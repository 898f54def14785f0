"""kiosk/sandbox"""
