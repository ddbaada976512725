from multiprocessing import Process, Queue


def work(numbers, q):
    numbers.append(4)  # 改的是子进程自己的副本
    q.put(numbers)     # 经队列把改过的列表送回主进程


if __name__ == '__main__':
    numbers = [1, 2, 3]
    q = Queue()
    p = Process(target=work, args=(numbers, q))
    p.start()
    print('子进程送回:', q.get())
    p.join()
    print('主进程的列表:', numbers)
