import time
from multiprocessing import Pool


def double(x):
    return 2 * x


def seconds_for(pool, chunksize):
    start = time.perf_counter()
    pool.map(double, range(5000), chunksize=chunksize)
    return time.perf_counter() - start


if __name__ == "__main__":
    with Pool(2) as pool:
        one_by_one = seconds_for(pool, 1)
        in_chunks = seconds_for(pool, 500)
    print("5000 个很小的任务")
    print("chunksize=500 比 chunksize=1 快：", in_chunks < one_by_one)
    print("快了 5 倍以上：", in_chunks * 5 < one_by_one)
