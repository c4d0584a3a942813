# Verifies DKIM signatures with dkimpy (Debian: python3-dkim), a second verifier independent of jDKIM.
# Usage: dkimpy_verify.py DNS-TXT-RECORD MESSAGE.eml...; prints one line per message: True or False.
import sys
import dkim

record = sys.argv[1].encode()

def dns(name, timeout=5):
    return record

for path in sys.argv[2:]:
    with open(path, 'rb') as f:
        print(dkim.verify(f.read(), dnsfunc=dns))
