from multiprocessing import Process, SimpleQueue


def square(numbers: 'SimpleQueue[int]', results: 'SimpleQueue[int]') -> None:
    n = numbers.get()
    results.put(n * n)


if __name__ == '__main__':
    numbers: 'SimpleQueue[int]' = SimpleQueue()
    results: 'SimpleQueue[int]' = SimpleQueue()
    p = Process(target=square, args=(numbers, results))
    p.start()
    numbers.put(7)
    print('子进程送回：%d' % results.get())
    p.join()
    try:
        results.put(lambda: 0)  # type: ignore[arg-type]
    except Exception as e:
        print('put() 当场抛出 %s' % type(e).__name__)
    print('还有数据吗：%s' % (not results.empty()))
    results.close()
    numbers.close()
