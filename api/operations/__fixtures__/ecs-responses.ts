import { AttachDisk, CreateDisk, DescribeDisks } from '../ecs-disks';
import { DescribeInstances } from '../ecs-instances';
import { LegacyCreateDiskReplicaPair } from '../ecs-legacy-pairs';
import type { ResponseCase } from './response-case';

// ECS bodies: wrapped lists and ISO-8601 times, as the ECS docs show them.

// The numbered fields are optional: a NextToken walk need not carry them (the SDKs agree).
const PAGE = ['RequestId'];

export const ECS_RESPONSE_CASES: readonly ResponseCase[] = [
  {
    op: CreateDisk,
    example: {
      RequestId: '6EDE885A-FDC1-4FAE-BC44-6EACAEA6AAAA',
      DiskId: 'd-bp131n0q38u3a4zi0001',
      OrderId: '',
    },
    required: { '': ['RequestId', 'DiskId'] },
  },
  {
    op: DescribeDisks,
    example: {
      RequestId: 'ED5CF6DD-71CA-462C-9C94-A61A78A0AAAA',
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 1,
      NextToken: '',
      Disks: {
        Disk: [
          {
            DiskId: 'd-bp18um4r4f2fve240001',
            DiskName: 'dr-secondary',
            Description: 'Secondary disk',
            RegionId: 'cn-hangzhou',
            ZoneId: 'cn-hangzhou-i',
            Category: 'cloud_essd',
            PerformanceLevel: 'PL1',
            Size: 2000,
            Status: 'In_use',
            Type: 'data',
            InstanceId: 'i-bp67acfmxazb4q0001',
            Device: '/dev/xvdb',
            Portable: true,
            DeleteWithInstance: false,
            DeleteAutoSnapshot: true,
            DiskChargeType: 'PostPaid',
            Encrypted: false,
            CreationTime: '2021-06-07T06:08:54Z',
            AttachedTime: '2021-06-07T06:09:30Z',
            DetachedTime: '',
            ExpiredTime: '2999-09-08T16:00Z',
            SerialNumber: 'bp18um4r4f2fve240001',
            IOPS: 10000,
            ResourceGroupId: 'rg-bp67acfmxazb4p0001',
            MultiAttach: 'Disabled',
            Attachments: {
              Attachment: [
                {
                  InstanceId: 'i-bp67acfmxazb4q0001',
                  Device: '/dev/xvdb',
                  AttachedTime: '2021-06-07T06:09:30Z',
                },
              ],
            },
            OperationLocks: { OperationLock: [{ LockReason: 'security' }] },
            Tags: { Tag: [{ TagKey: 'role', TagValue: 'secondary' }] },
          },
        ],
      },
    },
    required: {
      '': [...PAGE, 'Disks'],
      Disks: ['Disk'],
      'Disks.Disk.0': [
        'DiskId',
        'RegionId',
        'ZoneId',
        'Category',
        'Size',
        'Status',
        'Type',
        'InstanceId',
        'Portable',
        'DeleteWithInstance',
        'DeleteAutoSnapshot',
        'DiskChargeType',
        'Encrypted',
        'CreationTime',
      ],
      'Disks.Disk.0.Attachments': ['Attachment'],
      'Disks.Disk.0.Attachments.Attachment.0': ['InstanceId', 'Device', 'AttachedTime'],
      'Disks.Disk.0.OperationLocks.OperationLock.0': ['LockReason'],
      'Disks.Disk.0.Tags.Tag.0': ['TagKey', 'TagValue'],
    },
  },
  {
    op: AttachDisk,
    example: { RequestId: '473469C7-AA6F-4DC5-B3DB-A3DC0DE3AAAA' },
    required: { '': ['RequestId'] },
  },
  {
    op: DescribeInstances,
    example: {
      RequestId: '473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E',
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
      NextToken: 'caeba0bbb2be03f84eb48b699f0a4883',
      Instances: {
        Instance: [
          {
            InstanceId: 'i-bp67acfmxazb4p0001',
            InstanceName: 'erp-standby',
            RegionId: 'cn-hangzhou',
            ZoneId: 'cn-hangzhou-g',
            Status: 'Running',
            // A field the harness does not check: the schema ignores it.
            InstanceType: 'ecs.g7.large',
          },
        ],
      },
    },
    required: {
      '': [...PAGE, 'Instances'],
      Instances: ['Instance'],
      'Instances.Instance.0': ['InstanceId', 'InstanceName', 'RegionId', 'ZoneId', 'Status'],
    },
  },
  {
    op: LegacyCreateDiskReplicaPair,
    example: { RequestId: 'E69EF3CC-94CD-42E7-8926-F133B863AAAA', PairId: 'rp-dsaf233kj23j2j30001' },
    required: { '': ['RequestId', 'PairId'] },
  },
];
