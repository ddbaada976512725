import itertools
from concurrent.futures import ProcessPoolExecutor


def square(x):
    return x * x


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        # itertools.count() 永远数不完；buffersize=4 让 map() 最多提前提交 4 个任务
        results = executor.map(square, itertools.count(), buffersize=4)
        print(list(itertools.islice(results, 6)))
