import threading
import warnings
from multiprocessing import Process

lock = threading.Lock()


def hold_lock(holding, release):
    with lock:
        holding.set()
        release.wait()


def child():
    print('子进程：半秒内拿到锁了吗？', lock.acquire(timeout=0.5))


if __name__ == '__main__':
    p = Process(target=child)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        p.start()  # 挪到最前面：这时主进程里只有一个线程，锁也没人拿着
    holding, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_lock, args=(holding, release))
    holder.start()
    holding.wait()
    release.set()
    for warning in caught:
        print(f'{warning.category.__name__}: {warning.message}')
    p.join()
    holder.join()
