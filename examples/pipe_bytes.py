from multiprocessing import Pipe

if __name__ == '__main__':
    a, b = Pipe()
    a.send_bytes(b'raw data')  # 字节原样送出，不经过 pickle
    print('recv_bytes() 收到：%r' % b.recv_bytes())

    a.send({'x': 1})  # send() 先用 pickle 把对象序列化成字节
    data = b.recv_bytes()
    print('send() 实际送出的字节：%d 个，以 %r 开头' % (len(data), data[:2]))

    buffer = bytearray(16)
    a.send_bytes(b'0123456789abcdef', offset=10, size=6)  # 只发送第 10 个字节起的 6 个字节
    n = b.recv_bytes_into(buffer)  # 收到的字节写进已有的缓冲区，返回字节数
    print('recv_bytes_into() 写入 %d 个字节：%r' % (n, bytes(buffer[:n])))

    a.send_bytes(b'x' * 100)
    try:
        b.recv_bytes(maxlength=10)
    except OSError as e:
        print('超过 maxlength：%s；之后 b 还能收吗：%s' % (e, b.readable))
