from multiprocessing import Pool


def reciprocal(x):
    return 1 / x


if __name__ == "__main__":
    with Pool(2) as pool:
        try:
            pool.map(reciprocal, [1, 0, 2])
        except ZeroDivisionError as error:
            print("map() 抛出：", repr(error))
        results = []
        pool.apply_async(reciprocal, (4,), callback=results.append, error_callback=results.append).wait()
        pool.apply_async(reciprocal, (0,), callback=results.append, error_callback=results.append).wait()
        print("callback 和 error_callback 收到：", results)
