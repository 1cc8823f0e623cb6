#!/usr/bin/python3
"""Cuts Debian's Noto fonts into small slices the app fetches on demand (issue 19: a clinic's words in any script).

The app's own fonts hold Windows-1252 (cmake/fonts.cmake). A clinic whose name, address or package names need other
letters (Vietnamese, Greek, Cyrillic, Hebrew, Arabic, Korean, Chinese, Japanese) gets only the slices that hold them,
after the first frame: a clinic writing in English or Spanish downloads nothing more.

Writes OUT/glyphs.json, {"slices": [{"name": "hangul-03", "ranges": [[lo, hi], ...]}, ...]}, and for each slice
OUT/<name>-Regular.<ext> and OUT/<name>-Bold.<ext> (ext: ttf, or otf for the CJK fonts' CFF outlines; ImGui's
stb_truetype reads both). Run with Debian's python3 (python3-fonttools). Usage: slice.py OUT
"""
import json
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

NOTO = '/usr/share/fonts/truetype/noto'
CJK = '/usr/share/fonts/opentype/noto'
# The codepoints the app's own fonts hold (cmake/fonts.cmake, MN_FONT_UNICODES): never sliced.
BASE = [(0x20, 0x7E), (0xA0, 0xFF), (0x152, 0x153), (0x160, 0x161), (0x178, 0x178), (0x17D, 0x17E),
        (0x2013, 0x2014), (0x2018, 0x201D), (0x2022, 0x2022), (0x2026, 0x2026), (0x20AC, 0x20AC),
        (0x2190, 0x2193), (0x2212, 0x2212), (0x2713, 0x2713)]

# name, (regular file, bold file, collection index), blocks, codepoints per slice.
SOURCES = [
    ('latin', (f'{NOTO}/NotoSans-Regular.ttf', f'{NOTO}/NotoSans-Bold.ttf', None),
     [(0x100, 0x24F), (0x300, 0x36F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF)], 2000),
    ('greek-cyrillic', (f'{NOTO}/NotoSans-Regular.ttf', f'{NOTO}/NotoSans-Bold.ttf', None),
     [(0x370, 0x3FF), (0x400, 0x52F)], 2000),
    ('hebrew', (f'{NOTO}/NotoSansHebrew-Regular.ttf', f'{NOTO}/NotoSansHebrew-Bold.ttf', None),
     [(0x590, 0x5FF), (0xFB1D, 0xFB4F)], 2000),
    # The letters and their presentation forms: the app shapes Arabic into those (app/core/glyphs.cpp).
    ('arabic', (f'{NOTO}/NotoSansArabic-Regular.ttf', f'{NOTO}/NotoSansArabic-Bold.ttf', None),
     [(0x600, 0x6FF), (0xFE70, 0xFEFF)], 2000),
    ('hangul', (f'{CJK}/NotoSansCJK-Regular.ttc', f'{CJK}/NotoSansCJK-Bold.ttc', 1),
     [(0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7A3)], 512),
    ('kana', (f'{CJK}/NotoSansCJK-Regular.ttc', f'{CJK}/NotoSansCJK-Bold.ttc', 0),
     [(0x3000, 0x30FF), (0xFF00, 0xFFEF)], 1000),
    ('han', (f'{CJK}/NotoSansCJK-Regular.ttc', f'{CJK}/NotoSansCJK-Bold.ttc', 2),
     [(0x4E00, 0x9FFF)], 512),
]


def in_base(cp):
    return any(lo <= cp <= hi for lo, hi in BASE)


def runs(cps):
    out = []
    for cp in sorted(cps):
        if out and cp == out[-1][1] + 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def open_font(path, index):
    return TTFont(path, fontNumber=index, lazy=True) if index is not None else TTFont(path, lazy=True)


def main(out):
    os.makedirs(out, exist_ok=True)
    slices = []
    for name, (regular, bold, index), blocks, per in SOURCES:
        cmap = open_font(regular, index).getBestCmap()
        cps = [cp for cp in sorted(cmap) if any(lo <= cp <= hi for lo, hi in blocks) and not in_base(cp)]
        ext = 'otf' if regular.endswith('.ttc') else 'ttf'
        chunks = [cps[i:i + per] for i in range(0, len(cps), per)]
        for n, chunk in enumerate(chunks):
            slice_name = name if len(chunks) == 1 else f'{name}-{n:02d}'
            for face, path in (('Regular', regular), ('Bold', bold)):
                target = os.path.join(out, f'{slice_name}-{face}.{ext}')
                options = subset.Options()
                options.layout_features = []
                options.drop_tables += ['GDEF', 'GPOS', 'GSUB', 'kern', 'VORG', 'vhea', 'vmtx', 'DSIG']
                options.hinting = False
                options.desubroutinize = True
                font = open_font(path, index)
                subsetter = subset.Subsetter(options)
                subsetter.populate(unicodes=chunk)
                subsetter.subset(font)
                font.save(target)
            slices.append({'name': slice_name, 'ext': ext, 'ranges': runs(chunk)})
    with open(os.path.join(out, 'glyphs.json.tmp'), 'w') as f:
        json.dump({'slices': slices}, f, separators=(',', ':'))
    os.replace(os.path.join(out, 'glyphs.json.tmp'), os.path.join(out, 'glyphs.json'))
    print(f'slice.py: {out}: {len(slices)} slices')


if __name__ == '__main__':
    main(sys.argv[1])
