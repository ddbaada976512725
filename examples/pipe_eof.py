from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def produce(conn: Connection) -> None:
    for i in range(3):
        conn.send(i)
    conn.close()


if __name__ == '__main__':
    parent_conn, child_conn = Pipe()
    p = Process(target=produce, args=(child_conn,))
    p.start()
    p.join()  # 数据很少，管道装得下，子进程写完就结束了
    for _ in range(3):
        print('收到 %d' % parent_conn.recv())
    print('子进程已结束，还有没有数据或 EOF：%s' % parent_conn.poll(0.5))
    child_conn.close()  # 关掉主进程自己手里的那一份子进程端
    try:
        parent_conn.recv()
    except EOFError:
        print('所有写端都关闭了，recv() 抛出 EOFError')
