import threading
import warnings
from multiprocessing import Process

lock = threading.Lock()


def hold_lock(holding, release):
    with lock:  # 这个线程拿着锁，直到主线程让它放开
        holding.set()
        release.wait()


def child():
    print('子进程：半秒内拿到锁了吗？', lock.acquire(timeout=0.5))


if __name__ == '__main__':
    holding, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_lock, args=(holding, release))
    holder.start()
    holding.wait()
    p = Process(target=child)
    with warnings.catch_warnings(record=True) as caught:  # 收集警告，只打印类别和内容
        warnings.simplefilter('always')
        p.start()  # 这时另一个线程正拿着锁
    release.set()
    for warning in caught:
        print(f'{warning.category.__name__}: {warning.message}')
    p.join()
    holder.join()
