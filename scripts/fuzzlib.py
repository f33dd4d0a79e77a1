"""Mutation fuzzing of the readers: byte-level and structure-aware mutations of the samples, run
in-process with a time limit, classified as ok / clean (a PlanparseError: the CLI's exit 2) /
timeout (stopped at the limit, also a clean error) / crash (anything else: a bug)."""
from __future__ import annotations

import io
import random
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def seeds():
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".docx", ".pdf", ".xlsx", ".html"))


def mutate_bytes(data: bytes, rnd: random.Random) -> bytes:
    b = bytearray(data)
    op = rnd.randrange(6)
    if not b:
        return bytes(rnd.randrange(256) for _ in range(64))
    if op == 0:                                   # flip bytes
        for _ in range(rnd.randint(1, 20)):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
    elif op == 1:                                 # truncate
        b = b[: rnd.randrange(len(b))]
    elif op == 2:                                 # duplicate a chunk
        i = rnd.randrange(len(b))
        j = min(len(b), i + rnd.randint(1, 4096))
        b[i:i] = b[i:j] * rnd.randint(1, 8)
    elif op == 3:                                 # insert junk
        i = rnd.randrange(len(b))
        b[i:i] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 256)))
    elif op == 4:                                 # zero a range
        i = rnd.randrange(len(b))
        j = min(len(b), i + rnd.randint(1, 2048))
        b[i:j] = bytes(j - i)
    else:                                         # delete a range
        i = rnd.randrange(len(b))
        del b[i:i + rnd.randint(1, 2048)]
    return bytes(b)


_XML_TRICKS = [
    (b'w:val="restart"', b'w:val="continue"'), (b"<w:gridSpan w:val=\"", b"<w:gridSpan w:val=\"9999"),
    (b"</w:tc>", b""), (b"<w:tr>", b"<w:tr><w:tr>"), (b"</w:p>", b"</w:p></w:p>"),
    (b"<w:t>", b"<w:t>\x00"), (b"ref=\"", b"ref=\"ZZ99999:"), (b"<c r=", b"<c r=\"A0\" r="),
]


def mutate_zip(data: bytes, rnd: random.Random) -> bytes:
    """Mutate an XML part inside a .docx/.xlsx and zip it up again (reaches the XML parsers)."""
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        parts = {i.filename: zin.read(i) for i in zin.infolist()}
    except Exception:
        return mutate_bytes(data, rnd)
    xmls = [n for n in parts if n.endswith(".xml")]
    name = rnd.choice(xmls)
    x = parts[name]
    if rnd.random() < 0.5:
        a, b_ = rnd.choice(_XML_TRICKS)
        x = x.replace(a, b_, rnd.randint(1, 50))
    else:
        x = mutate_bytes(x, rnd)
    parts[name] = x
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, v in parts.items():
            z.writestr(n, v)
    return out.getvalue()


def mutate_text(data: bytes, rnd: random.Random) -> bytes:
    s = data.decode("utf-8", errors="replace")
    lines = s.split("\n")
    for _ in range(rnd.randint(1, 30)):
        op = rnd.randrange(6)
        i = rnd.randrange(len(lines)) if lines else 0
        if not lines:
            lines = [""]
        if op == 0:
            lines[i] = "\t" + lines[i]
        elif op == 1:
            lines.insert(i, rnd.choice(["一、", "（一）", "1.", "（1）", "①", "附件", "\t序号\t责任单位\t完成时限", "\t\t\t"]) + lines[i][:20])
        elif op == 2:
            del lines[i]
        elif op == 3:
            lines[i] = lines[i].replace("年", "年年", 1).replace("月", "月月月", 1)
        elif op == 4:
            lines[i] = "".join(rnd.choice([ch, ch * 3, "\u200b", "（", "）", "\t", ""]) for ch in lines[i])
        else:
            lines[i:i] = lines[i:i + rnd.randint(1, 40)]
    enc = rnd.choice(["utf-8", "utf-8", "gb18030", "utf-16"])
    return "\n".join(lines).encode(enc, errors="replace")


def mutate(seed: Path, rnd: random.Random) -> bytes:
    data = seed.read_bytes()
    if seed.suffix in (".docx", ".xlsx") and rnd.random() < 0.7:
        return mutate_zip(data, rnd)
    if seed.suffix in (".txt", ".html") and rnd.random() < 0.6:
        return mutate_text(data, rnd)
    return mutate_bytes(data, rnd)


def run_one(path: Path, timeout: int = 20):
    """(outcome, seconds, detail) for one file, in this process."""
    from planparse.errors import PlanparseError
    from planparse.pipeline import extract
    t = time.perf_counter()
    try:
        extract(path, timeout=timeout)
        out = ("ok", "")
    except PlanparseError as e:
        out = ("timeout" if "timed out" in e.reason else "clean", e.reason)
    except RecursionError:
        out = ("crash", traceback.format_exc(limit=8))
    except Exception:
        out = ("crash", traceback.format_exc(limit=8))
    return out[0], time.perf_counter() - t, out[1]
