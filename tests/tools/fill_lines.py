#!/usr/bin/env python3
"""Authoring helper: in the given .gs files, replace `@L` in `// expect...` directives by the
number of the line the directive is on, `@L+N`/`@L-N` by that number plus/minus N, and `@F` by
the file's basename. Run once after writing a test; the result is plain section 0.2 syntax."""
import os, re, sys
for path in sys.argv[1:]:
    base = os.path.basename(path)
    lines = open(path, encoding='utf-8', errors='surrogateescape').read().split('\n')
    changed = False
    for i, line in enumerate(lines):
        p = line.find('// expect')
        if p < 0 or ('@L' not in line[p:] and '@F' not in line[p:]):
            continue
        d = line[p:]
        d = re.sub(r'@L([+-]\d+)?', lambda m: str(i + 1 + int(m.group(1) or 0)), d)
        d = d.replace('@F', base)
        lines[i] = line[:p] + d
        changed = True
    if changed:
        open(path, 'w', encoding='utf-8', errors='surrogateescape').write('\n'.join(lines))
