#!/usr/bin/env python3
"""Regenerate tests/spec/*.gs from the ```gscript blocks of LANGUAGE.md.

Usage: python3 tests/tools/extract_spec_examples.py [path/to/LANGUAGE.md]
One file per block, named sSS_TT_slug_K.gs after the (sub)section that contains it;
`test.gs` is replaced by the file's own basename (section 0.2: positions read NAME.gs:LINE:).
Goroutine examples (section 11) are written to tests/goroutines/ instead.
"""
import os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
spec = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '..', '..', 'shared', 'spec', 'LANGUAGE.md')
if not os.path.exists(spec):
    spec = '/work/shared/spec/LANGUAGE.md'
lines = open(spec, encoding='utf-8').read().split('\n')

section = None
counts = {}
in_block = False
block = []
out = []
for line in lines:
    if not in_block:
        m = re.match(r'^(#{2,4}) (\d+(?:\.\d+)*)\.? (.*)$', line)
        if m:
            nums = m.group(2).split('.')
            title = re.sub(r'[^a-z0-9]+', '_', m.group(3).lower()).strip('_')
            words = [w for w in title.split('_') if w][:2]
            major = int(nums[0])
            minor = int(nums[1]) if len(nums) > 1 else 0
            sub = ''.join('_%02d' % int(n) for n in nums[2:])
            section = ('s%02d_%02d%s_%s' % (major, minor, sub, '_'.join(words)), major)
        if line.strip() == '```gscript':
            in_block = True
            block = []
    else:
        if line.strip() == '```':
            in_block = False
            name, major = section
            if major in (10, 11):
                name = {10: 's10_coroutines', 11: 's11_goroutines'}[major]
            counts[name] = counts.get(name, 0) + 1
            out.append((name, major, counts[name], block))
        else:
            block.append(line)

for name, major, k, block in out:
    d = 'goroutines' if major == 11 else 'spec'
    fname = '%s_%d.gs' % (name, k)
    path = os.path.join(root, d, fname)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = '\n'.join(block) + '\n'
    text = text.replace('test.gs', fname)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    print(path)
