from concurrent.futures import ProcessPoolExecutor


def reciprocal(x):
    return 1 / x


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(reciprocal, 0)
        print("exception() 返回：", repr(future.exception()))
        print("result() 会重新抛出它：")
        future.result()
