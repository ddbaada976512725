from multiprocessing import Lock, Manager, Pool


def work(lock, n):
    with lock:
        return n * n


def init(shared_lock):
    global lock_in_worker  # 每个工作进程启动时执行一次，把锁存成全局变量
    lock_in_worker = shared_lock


def work_with_inherited_lock(n):
    with lock_in_worker:
        return n * n


if __name__ == '__main__':
    lock = Lock()
    with Pool(2) as pool:
        try:
            pool.apply(work, (lock, 3))  # 把锁当作任务的参数
        except RuntimeError as e:
            print('RuntimeError:', e)
    with Pool(2, initializer=init, initargs=(lock,)) as pool:  # 创建工作进程时交给它们
        print(pool.map(work_with_inherited_lock, [1, 2, 3]))
    with Manager() as manager, Pool(2) as pool:
        print(pool.apply(work, (manager.Lock(), 3)))  # 管理进程里的锁：传的是代理，可以作为参数
