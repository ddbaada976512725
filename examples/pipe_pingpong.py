from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def pong(conn: Connection, other_end: Connection) -> None:
    other_end.close()  # fork 方式下子进程继承了主进程那一端的副本，不关掉它就收不到 EOF
    while True:
        try:
            n = conn.recv()
        except EOFError:
            print('子进程：对方关闭了连接，退出')
            return
        conn.send(n + 1)


if __name__ == '__main__':
    parent_conn, child_conn = Pipe()
    p = Process(target=pong, args=(child_conn, parent_conn))
    p.start()
    child_conn.close()  # 主进程用不到子进程那一端
    n = 0
    while n < 6:
        parent_conn.send(n + 1)
        n = parent_conn.recv()
        print('主进程收到 %d' % n)
    parent_conn.close()
    p.join()
