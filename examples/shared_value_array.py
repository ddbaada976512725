from multiprocessing import Array, Process, Value


def fill(index, scale, results):
    results[index] = index * scale.value  # 每个子进程只写自己的那一格


if __name__ == '__main__':
    scale = Value('d', 1.5)  # 'd'：一个 C 语言的 double（小数）
    results = Array('d', 4)  # 4 个 double，初始都是 0.0
    workers = [Process(target=fill, args=(i, scale, results)) for i in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    print(results[:])  # 切片得到一个普通的 list
    print(Array('i', [1, 2, 3])[:], Array('c', b'hi').value)  # 也可以用初始值创建
