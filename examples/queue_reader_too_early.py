import time
from multiprocessing import Process, Queue


# 写数据进程执行的代码：和哨兵的例子一样，先忙一会儿再写
def write(q):
    time.sleep(0.5)
    for value in ['A', 'B', 'C']:
        print('Put %s to queue...' % value)
        q.put(value)


# 读数据进程执行的代码：队列一空就认为“读完了”
def read(q):
    while True:
        if not q.empty():
            value = q.get(True)
            print('Get %s from queue.' % value)
        else:
            break


if __name__ == '__main__':
    q = Queue()
    pw = Process(target=write, args=(q,))
    pr = Process(target=read, args=(q,))
    # 两个子进程同时启动，不再等写进程结束
    pw.start()
    pr.start()
    pw.join()
    pr.join()
    print('所有数据都写入并且读完')
