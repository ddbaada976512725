from multiprocessing import Pipe

if __name__ == '__main__':
    reader, writer = Pipe(duplex=False)  # 第一个只能收，第二个只能发
    writer.send([1, 2, 3])
    print('收到：%s' % reader.recv())
    try:
        reader.send('反过来发')
    except OSError as e:
        print('reader.send()：%s' % e)
    try:
        writer.recv()
    except OSError as e:
        print('writer.recv()：%s' % e)
