from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection


def answer(conn: Connection) -> None:
    question = conn.recv()
    conn.send('子进程收到了“%s”，它有 %d 个字' % (question, len(question)))
    conn.close()


if __name__ == '__main__':
    parent_conn, child_conn = Pipe()  # 默认 duplex=True：两端都能收、能发
    p = Process(target=answer, args=(child_conn,))
    p.start()
    parent_conn.send('你好，子进程')
    print(parent_conn.recv())
    p.join()
