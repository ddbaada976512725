"""把不同大小的数据交给子进程要多久：经 Queue 发送，子进程收到后回一个字节。

每种大小测 3 次，取最快的一次。加上 --record 文件名，会把测得的秒数另存为 JSON，供画图用。
"""
import json
import sys
import time
from multiprocessing import Process, Queue

SIZES = {"1 KB": 1_000, "100 KB": 100_000, "10 MB": 10_000_000}


def echo_size(inbox, outbox):
    for data in iter(inbox.get, None):
        outbox.put(len(data))


def round_trip(inbox, outbox, data):
    start = time.perf_counter()
    inbox.put(data)
    outbox.get()
    return time.perf_counter() - start


if __name__ == "__main__":
    inbox, outbox = Queue(), Queue()
    child = Process(target=echo_size, args=(inbox, outbox))
    child.start()
    results = {}
    for name, size in SIZES.items():
        data = b"x" * size
        results[name] = min(round_trip(inbox, outbox, data) for _ in range(3))
    inbox.put(None)
    child.join()
    print("  ".join(f"{name} {seconds * 1000:.2f} 毫秒" for name, seconds in results.items()))
    print("10 MB 比 100 KB 慢：", results["10 MB"] > results["100 KB"])
    print("10 MB 比 1 KB 慢 10 倍以上：", results["10 MB"] > 10 * results["1 KB"])
    if "--record" in sys.argv:
        with open(sys.argv[sys.argv.index("--record") + 1], "w", encoding="utf-8") as file:
            json.dump(results, file, ensure_ascii=False, indent=2)
