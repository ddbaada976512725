from multiprocessing import Lock, Process


def peek(lock):
    print('子进程：锁被占用了吗？', lock.locked())  # 只是看一眼，不会等待


if __name__ == '__main__':
    lock = Lock()
    print('主进程：锁被占用了吗？', lock.locked())
    with lock:
        p = Process(target=peek, args=(lock,))
        p.start()
        p.join()
    print('主进程：释放后呢？', lock.locked())
