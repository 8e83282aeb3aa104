"""The parts of the image pipeline behind ``assistant.images``.

load      read bytes safely (pixel limit, clear errors), open HEIC/WebP/AVIF/GIF/PNG/JPEG
convert   orientation, colour profile to sRGB, every Pillow mode to RGB or RGBA
focus     saliency map and the crop window that keeps the subject
geometry  crop boxes, exact-size resampling, padding
encode    the preset's format within its byte budget, metadata stripped, sRGB kept

Every function takes an image and returns a new one; none mutates its input.
"""
