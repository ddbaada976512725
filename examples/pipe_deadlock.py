import threading
from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection

BIG = b'x' * 1_000_000  # 约 1 MB，远远超过管道能暂存的量


def send_then_receive(conn: Connection) -> None:
    conn.send_bytes(BIG)
    conn.recv_bytes()


if __name__ == '__main__':
    parent_conn, child_conn = Pipe()
    p = Process(target=send_then_receive, args=(child_conn,))
    p.start()
    # 主进程也先发后收；放在一个线程里发，主线程才能看着它
    sender = threading.Thread(target=parent_conn.send_bytes, args=(BIG,), daemon=True)
    sender.start()
    sender.join(timeout=0.5)
    print('0.5 秒后，主进程的 send_bytes() 还没返回：%s' % sender.is_alive())
    p.join(timeout=0.1)
    print('子进程也还卡在 send_bytes() 里：%s' % p.is_alive())
    print('主进程先收：收到 %d 字节' % len(parent_conn.recv_bytes()))
    sender.join()
    p.join()
    print('双方都发完了，子进程退出码 %s' % p.exitcode)
