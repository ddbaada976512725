import time
from multiprocessing import BoundedSemaphore, Process, Queue, Semaphore


def download(number, slots, done):
    with slots:  # 拿到一个名额才往下走；离开 with 时交还名额
        began = time.monotonic()
        time.sleep(0.1)  # 假装在下载
        ended = time.monotonic()
    done.put((began, ended))


def most_at_once(intervals):
    """在 began 到 ended 的时间段里，最多有几个互相重叠"""
    events = sorted([(t, 1) for t, _ in intervals] + [(t, -1) for _, t in intervals])
    running = peak = 0
    for _, change in events:
        running += change
        peak = max(peak, running)
    return peak


if __name__ == '__main__':
    slots = Semaphore(2)  # 最多 2 个进程同时下载
    done = Queue()
    workers = [Process(target=download, args=(n, slots, done)) for n in range(5)]
    for p in workers:
        p.start()
    intervals = [done.get() for _ in workers]
    for p in workers:
        p.join()
    print('5 个下载都完成了')
    print('同时下载的进程从未超过 2 个：', most_at_once(intervals) <= 2)

    extra = Semaphore(1)
    extra.release()  # 多释放一次：名额从 1 个变成 2 个
    print('Semaphore(1) 多释放一次后，能连拿两次：', extra.acquire(False), extra.acquire(False))
    bounded = BoundedSemaphore(1)
    try:
        bounded.release()
    except ValueError as e:
        print('BoundedSemaphore 多释放一次：ValueError:', e)
