"""启动一个什么也不做的子进程要多久：三种启动方式各测 3 次，取最快的一次。

加上 --record 文件名，会把测得的秒数另存为 JSON，供画图用。
"""
import json
import multiprocessing
import sys
import time


def do_nothing():
    pass


def start_and_join(context):
    start = time.perf_counter()
    p = context.Process(target=do_nothing)
    p.start()
    p.join()
    return time.perf_counter() - start


if __name__ == "__main__":
    results = {}
    for method in ("fork", "spawn", "forkserver"):
        context = multiprocessing.get_context(method)
        start_and_join(context)  # forkserver 第一次要先启动服务进程，不计入
        results[method] = min(start_and_join(context) for _ in range(3))
    print("  ".join(f"{method} {seconds * 1000:.1f} 毫秒" for method, seconds in results.items()))
    print("spawn 比 fork 慢：", results["spawn"] > results["fork"])
    print("spawn 比 forkserver 慢：", results["spawn"] > results["forkserver"])
    if "--record" in sys.argv:
        with open(sys.argv[sys.argv.index("--record") + 1], "w", encoding="utf-8") as file:
            json.dump(results, file, indent=2)
