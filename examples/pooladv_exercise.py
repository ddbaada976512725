from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    with Pool(2) as pool:
        squares = list(pool.imap_unordered(square, range(1, 7)))
    print("和：", sum(squares))
    print("排序后：", sorted(squares))
