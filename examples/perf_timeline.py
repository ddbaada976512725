"""进程池的时间线：apply()、apply_async() 和 map() 各做 4 个任务，记下每个任务由哪个工作进程、
在什么时候做。每个任务等待 0.2 秒。加上 --record 文件名，会把时间线另存为 JSON，供画图用。
"""
import json
import os
import sys
import time
from itertools import pairwise
from multiprocessing import Pool

TASKS = range(4)


def task(number):
    start = time.perf_counter()  # Linux 上各进程的 perf_counter() 用同一个时钟，可以互相比较
    time.sleep(0.2)
    return number, os.getpid(), start, time.perf_counter()


def overlapping(spans):
    spans = sorted(spans, key=lambda span: span[2])
    return any(later[2] < earlier[3] for earlier, later in pairwise(spans))


if __name__ == "__main__":
    with Pool(2) as pool:
        timelines = {
            "apply()": [pool.apply(task, (n,)) for n in TASKS],
            "apply_async()": [r.get() for r in [pool.apply_async(task, (n,)) for n in TASKS]],
            "map()": pool.map(task, TASKS, chunksize=1),
        }
    for way, spans in timelines.items():
        print(f"{way}：有任务同时进行：", overlapping(spans))
    print("用到的工作进程数：", len({pid for spans in timelines.values() for _, pid, _, _ in spans}))
    if "--record" in sys.argv:
        with open(sys.argv[sys.argv.index("--record") + 1], "w", encoding="utf-8") as file:
            json.dump(timelines, file, indent=2)
