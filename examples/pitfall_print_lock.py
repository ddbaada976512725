from multiprocessing import Lock, Process


def report(name, lock):
    for step in range(1, 3):
        line = f'{name}：第 {step} 步完成'  # 先把整行拼好
        with lock:  # 同一时刻只有一个进程在写
            print(line, flush=True)  # flush=True：在锁里就写出去，不留在缓冲区里


if __name__ == '__main__':
    lock = Lock()
    workers = [Process(target=report, args=(name, lock)) for name in ('甲', '乙', '丙')]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
