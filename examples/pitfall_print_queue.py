from multiprocessing import Process, Queue


def report(name, lines):
    for step in range(1, 3):
        lines.put(f'{name}：第 {step} 步完成')  # 不自己打印，把整行交给主进程
    lines.put(None)  # 哨兵：这个进程说完了


if __name__ == '__main__':
    lines = Queue()
    workers = [Process(target=report, args=(name, lines)) for name in ('甲', '乙', '丙')]
    for p in workers:
        p.start()
    finished = 0
    while finished < len(workers):  # 只有主进程打印：每次一整行
        line = lines.get()
        if line is None:
            finished += 1
        else:
            print(line)
    for p in workers:
        p.join()
