from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def consume(conn: Connection) -> None:
    while conn.poll(0.5):  # 有数据或 EOF 时返回 True，0.5 秒内都没有就返回 False
        try:
            print('子进程：收到“%s”' % conn.recv())
        except EOFError:
            print('子进程：收到 EOF，退出')
            return
    print('子进程：等了 0.5 秒，既没有数据也没有 EOF')


if __name__ == '__main__':
    parent_conn, child_conn = Pipe()
    p = Process(target=consume, args=(child_conn,))
    p.start()
    parent_conn.send('最后一个任务')
    parent_conn.close()  # 主进程关掉自己这一端，告诉子进程“没有了”
    p.join()
