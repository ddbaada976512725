import time
from concurrent.futures import ThreadPoolExecutor


def io_task(seconds):
    time.sleep(seconds)


def seconds_with(workers):
    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(io_task, [0.2] * 8))
    return time.perf_counter() - start


if __name__ == "__main__":
    two, eight = seconds_with(2), seconds_with(8)
    print("8 个线程比 2 个线程快：", eight < two)
    print("快了 2 倍以上：", eight * 2 < two)
